/// Splitting a poll window into spans a platform accepts.
public enum PollWindow {
    /// Consecutive spans of `[from, to]` (Unix seconds), each at most `maxSeconds` long; none when
    /// the window is empty or inverted (its rows are covered by the next window's overlap).
    public static func spans(from: Int64, to: Int64, maxSeconds: Int64) -> [(start: Int64, end: Int64)] {
        guard to > from, maxSeconds > 0 else { return [] }
        var spans: [(start: Int64, end: Int64)] = []
        var start = from
        while start < to {
            let end = min(start + maxSeconds, to)
            spans.append((start, end))
            start = end
        }
        return spans
    }
}
