#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which `--host` values keep traffic on the machine, so plain HTTP may serve them.
enum Loopback {
    /// IP literals in 127.0.0.0/8 or `::1` (also `::ffff:127.x.y.z`, the same address
    /// mapped), and the name `localhost`. Anything else, even a name that looks like one
    /// (`127.0.0.1.nip.io` resolves through DNS to wherever its owner likes), is not.
    static func contains(_ host: String) -> Bool {
        if host.lowercased() == "localhost" { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { $0.first == 127 }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { bytes in
                let loopback: [UInt8] = Array(repeating: 0, count: 15) + [1]
                let mapped: [UInt8] = Array(repeating: 0, count: 10) + [0xFF, 0xFF]
                return bytes.elementsEqual(loopback) || (bytes.prefix(12).elementsEqual(mapped) && bytes[12] == 127)
            }
        }
        return false
    }
}
