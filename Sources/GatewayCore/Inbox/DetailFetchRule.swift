/// Whether a thin observation (``OrderObservation/needsDetail``) needs its order's detail fetched (issue #14 target 5).
///
/// A thin push says "this order changed at `t`". When the gateway already holds the order through `t` or later
/// (``CanonicalOrder/pollRowsHeldThrough``: a snapshot at least that new, from a detail fetch or a poll), the detail
/// can only add what happened after the held snapshot — which its own push, or the backstop poll when that push is
/// lost, brings anyway. The thin observation is then merged on its own (its status is evidence like any other) and
/// no detail is fetched. A new order, or one held only through an earlier time, is fetched as before: no order is
/// ever created without lines.
public enum DetailFetchRule {
    /// Whether `observation` needs a detail fetch, given how far its order is held (`nil`: not held).
    public static func needsFetch(_ observation: OrderObservation, heldThrough: Timestamp?) -> Bool {
        guard observation.needsDetail else { return false }
        guard let heldThrough else { return true }
        return observation.platformUpdatedAt > heldThrough
    }
}
