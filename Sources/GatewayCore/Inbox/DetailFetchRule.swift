/// Whether a thin observation (``OrderObservation/needsDetail``) needs its order's detail fetched (issue #14 target 5).
///
/// A thin push says "this order changed at `t`". When the gateway already holds a snapshot of the order newer than `t`
/// (``HeldSnapshot/holds(_:)``), the detail can only add what happened after that snapshot — which its own push, or the
/// backstop poll when that push is lost, brings anyway. The thin observation is then merged on its own (its status is
/// evidence like any other) and no detail is fetched. A new order, or one held only up to `t` or earlier, is fetched
/// as before: no order is ever created without lines.
public enum DetailFetchRule {
    /// Whether `observation` needs a detail fetch, given the snapshot its order holds (`nil`: none).
    public static func needsFetch(_ observation: OrderObservation, held: HeldSnapshot?) -> Bool {
        guard observation.needsDetail else { return false }
        guard let held else { return true }
        return !held.holds(observation)
    }
}
