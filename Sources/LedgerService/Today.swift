import Ledger
import LedgerRuntime

/// Today's business date from the system clock (UTC): only a default for an as-of date, never folded.
public func today() -> BusinessDate {
    BusinessDate(days: Int32(SystemClock.nowMillis() / 86_400_000))
}
