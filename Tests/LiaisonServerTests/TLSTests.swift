import Foundation
import Hummingbird
import HummingbirdTesting
import Ledger
import LiaisonServer
import NIOSSL
import Logging
import Testing

struct TLSTests {
    // MARK: Where plain HTTP may go

    @Test(arguments: [
        ("127.0.0.1", false, false, true), ("localhost", false, false, true), ("::1", false, false, true),
        ("0.0.0.0", false, false, false), ("192.168.1.10", false, false, false),
        ("0.0.0.0", true, false, true), ("0.0.0.0", false, true, true),
    ])
    func plainHTTPLeavesLoopbackOnlyWhenAskedByName(host: String, tls: Bool, insecure: Bool, allowed: Bool) {
        var options = LiaisonServer.Options()
        options.host = host
        options.insecureHTTP = insecure
        if tls { options.tlsCertificatePath = "cert.pem"; options.tlsKeyPath = "key.pem" }
        #expect((options.problem() == nil) == allowed, "\(host) tls=\(tls) insecure=\(insecure): \(options.problem() ?? "allowed")")
    }

    @Test func certificateWithoutKeyIsRefused() {
        var options = LiaisonServer.Options()
        options.tlsCertificatePath = "cert.pem"
        #expect(options.problem()?.contains("--tls-key") == true)
    }

    // MARK: HTTPS

    @Test func httpsServesAndTheSessionCookieIsSecure() async throws {
        let server = try await TestServer()
        let key = server.directory + "/key.pem", certificate = server.directory + "/cert.pem"
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate,
                             "-days", "1", "-subj", "/CN=localhost"]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        try #require(openssl.terminationStatus == 0, "openssl could not make a test certificate")

        var options = server.server.options
        options.tlsCertificatePath = certificate
        options.tlsKeyPath = key
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let https = LiaisonServer(backend: server.server.backend, tokens: server.server.tokens.current, options: options, logger: logger)
        let finance = server.tokens[.finance]!
        try await https.application().test(.ahc(.https)) { client in
            try await client.execute(uri: "/v1/balances?year=2025", method: .get, headers: server.headers(.finance)) { response in
                #expect(response.status == .ok)
                #expect(jsonObject(response.body.text)?["asOf"] as? String == "2025-12-31")
            }
        }
        // The login answer itself (the HTTPS client above would follow its redirect).
        try await https.application().test(.router) { client in
            try await client.execute(uri: "/login", method: .post, body: ByteBuffer(string: "token=" + finance)) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.setCookie]?.contains("Secure") == true)
            }
        }
        try await server.test { client in
            try await client.execute(uri: "/login", method: .post, body: ByteBuffer(string: "token=" + finance)) { response in
                #expect(response.headers[.setCookie]?.contains("Secure") == false, "no Secure flag on plain loopback HTTP")
            }
        }
    }

    // MARK: Certificates checked before serving

    static func makeCertificate(_ directory: String, _ name: String) throws -> (certificate: String, key: String) {
        let key = directory + "/\(name)-key.pem", certificate = directory + "/\(name)-cert.pem"
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "1", "-subj", "/CN=localhost"]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        try #require(openssl.terminationStatus == 0, "openssl could not make a test certificate")
        return (certificate, key)
    }

    static func exitCode(_ options: LiaisonServer.Options) -> Int32? {
        do { _ = try options.tlsConfiguration(); return nil } catch let error as LedgerError { return error.exitCode } catch { return -1 }
    }

    @Test func tlsIsAtLeast12AndBadFilesAreRefusedUpFront() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-tls-\(ProcessInfo.processInfo.processIdentifier)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try Self.makeCertificate(directory, "a"), second = try Self.makeCertificate(directory, "b")
        var options = LiaisonServer.Options()
        options.tlsCertificatePath = first.certificate
        options.tlsKeyPath = first.key
        #expect(try options.tlsConfiguration()?.minimumTLSVersion == .tlsv12)

        options.tlsKeyPath = second.key  // another certificate's key
        #expect(Self.exitCode(options) == 64)
        options.tlsKeyPath = directory + "/missing.pem"
        #expect(Self.exitCode(options) == 74)
        let garbage = directory + "/garbage.pem"
        try "not a certificate\n".write(toFile: garbage, atomically: true, encoding: .utf8)
        options.tlsKeyPath = first.key
        options.tlsCertificatePath = garbage
        #expect(Self.exitCode(options) == 64)
    }
}
