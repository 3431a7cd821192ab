/// Attributes an order to a live event.
///
/// Rules: an event whose room ids contain the order's live room id, else one whose author ids contain
/// the order's author id (platforms that report them: Douyin, Kuaishou); otherwise an event that includes
/// the order's shop and whose window contains the order's creation time. Ties go to the event that
/// started last, then by id.
public enum LiveEventAttributor {
    /// The id of the event the order belongs to, if any.
    public static func eventId(for order: CanonicalOrder, among events: [LiveEvent]) -> String? {
        let ordered = events.sorted { ($0.startsAt, $0.id) > ($1.startsAt, $1.id) }
        if let room = order.snapshot?.liveRoomId, !room.isEmpty, let event = ordered.first(where: { $0.roomIds.contains(room) }) {
            return event.id
        }
        if let author = order.snapshot?.authorId, !author.isEmpty, let event = ordered.first(where: { $0.authorIds.contains(author) }) {
            return event.id
        }
        guard let created = order.snapshot?.createdAt else { return nil }
        return ordered.first { event in
            (event.shops.isEmpty || event.shops.contains(order.key.shop)) && event.startsAt <= created && created <= event.endsAt
        }?.id
    }
}
