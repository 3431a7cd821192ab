import GatewayCore

/// A live event (`LiveEvent`): which shops, rooms and authors its orders come from, and when.
struct LiveEventResponse: Encodable, Sendable {
    var id: String
    var title: String
    var shops: [String]
    var roomIds: [String]
    var authorIds: [String]
    var startsAt: String
    var endsAt: String

    init(_ event: LiveEvent) {
        id = event.id
        title = event.title
        shops = event.shops
        roomIds = event.roomIds
        authorIds = event.authorIds
        startsAt = APITime.string(event.startsAt)
        endsAt = APITime.string(event.endsAt)
    }
}
