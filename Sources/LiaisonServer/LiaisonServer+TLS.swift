import Foundation
import Ledger
import NIOSSL

extension LiaisonServer.Options {
    /// The TLS configuration of `--tls-cert`/`--tls-key`, checked whole (files readable,
    /// PEM, key matching the certificate) so `liaison serve` can refuse them before the
    /// projection catch-up, which may take minutes. nil without TLS. TLS 1.2 at least:
    /// 1.0 and 1.1 are deprecated (RFC 8996) and NIOSSL's default would still take them.
    public func tlsConfiguration() throws -> TLSConfiguration? {
        guard let certificatePath = tlsCertificatePath, let keyPath = tlsKeyPath else { return nil }
        for (path, what) in [(certificatePath, "certificate"), (keyPath, "key")] where !FileManager.default.isReadableFile(atPath: path) {
            throw LedgerError.io("Cannot read the TLS \(what) file \(path).")
        }
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificatePath)
        } catch {
            throw LedgerError.usage("\(certificatePath) is not a PEM certificate chain (--tls-cert).")
        }
        guard !chain.isEmpty else { throw LedgerError.usage("\(certificatePath) holds no PEM certificate (--tls-cert).") }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: keyPath, format: .pem)
        } catch {
            throw LedgerError.usage("\(keyPath) is not a PEM private key without a passphrase (--tls-key).")
        }
        var tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        tls.minimumTLSVersion = .tlsv12
        do {
            // Building a context checks that the key belongs to the certificate.
            _ = try NIOSSLContext(configuration: tls)
        } catch {
            throw LedgerError.usage("The key \(keyPath) does not match the certificate \(certificatePath), or they cannot be used for TLS.")
        }
        return tls
    }
}
