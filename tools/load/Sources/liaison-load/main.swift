import AsyncHTTPClient
import Foundation
import NIOCore

// liaison-load URL TOKENS_FILE CONNECTORS EVENTS_EACH EVENTS_PER_REQUEST SECONDS_MAX
//
// CONNECTORS concurrent connectors, each with its own token (line N of TOKENS_FILE is
// "NAME TOKEN"), post ClaimIntroduced events as actor connector:NAME, EVENTS_PER_REQUEST
// per request, until each has sent EVENTS_EACH or SECONDS_MAX have passed. Prints one
// JSON object: requests, events appended, events/s, request latency p50/p95/p99 (ms).
// Latencies come from the monotonic clock; nothing is retried.

let arguments = CommandLine.arguments
guard arguments.count == 7, let connectors = Int(arguments[3]), let each = Int(arguments[4]),
      let perRequest = Int(arguments[5]), let secondsMax = Double(arguments[6]) else {
    FileHandle.standardError.write(Data("usage: liaison-load URL TOKENS_FILE CONNECTORS EVENTS_EACH EVENTS_PER_REQUEST SECONDS_MAX\n".utf8))
    exit(64)
}
let base = arguments[1]
let credentials: [(name: String, token: String)] = try String(contentsOfFile: arguments[2], encoding: .utf8)
    .split(separator: "\n").map { line in
        let fields = line.split(separator: " ")
        return (String(fields[0]), String(fields[1]))
    }
guard credentials.count >= connectors else {
    FileHandle.standardError.write(Data("need \(connectors) tokens, \(arguments[2]) has \(credentials.count)\n".utf8))
    exit(64)
}

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

func claimLine(_ name: String, _ index: Int) -> String {
    "{\"id\":\"load:\(name):\(index)\",\"type\":\"ClaimIntroduced\",\"occurred\":\"2025-03-14\",\"actor\":\"connector:\(name)\",\"data\":{\"claim\":\"L-\(name)-\(index)\",\"creditor\":\"DE\",\"debtor\":\"FR\",\"basis\":\"actual\",\"category\":\"urgent\",\"period\":\"2024-H2\",\"amount\":\"\(100 + index % 900).25\",\"currency\":\"EUR\"}}"
}

struct Result: Sendable {
    var latenciesNanos: [UInt64] = []
    var appended = 0
    var failures = 0
}

var configuration = HTTPClient.Configuration()
configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connectors)
let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
let deadline = now() + UInt64(secondsMax * 1e9)
let started = now()
let results = try await withThrowingTaskGroup(of: Result.self) { group in
    for connector in 0..<connectors {
        let (name, token) = credentials[connector]
        group.addTask {
            var result = Result()
            var index = 0
            while index < each, now() < deadline {
                let count = min(perRequest, each - index)
                let body = (index..<(index + count)).map { claimLine(name, $0) }.joined(separator: "\n")
                index += count
                var request = HTTPClientRequest(url: base + "/v1/events")
                request.method = .POST
                request.headers.add(name: "Authorization", value: "Bearer " + token)
                request.headers.add(name: "Content-Type", value: "application/x-ndjson")
                request.body = .bytes(ByteBuffer(string: body))
                let start = now()
                do {
                    let response = try await client.execute(request, timeout: .seconds(60))
                    let answer = String(buffer: try await response.body.collect(upTo: 1 << 20))
                    result.latenciesNanos.append(now() - start)
                    guard response.status == .ok, let range = answer.range(of: #""appended":\d+"#, options: .regularExpression) else {
                        result.failures += 1
                        continue
                    }
                    result.appended += Int(answer[range].dropFirst(11)) ?? 0
                } catch {
                    result.failures += 1
                }
            }
            return result
        }
    }
    var all = Result()
    for try await result in group {
        all.latenciesNanos += result.latenciesNanos
        all.appended += result.appended
        all.failures += result.failures
    }
    return all
}
let elapsed = Double(now() - started) / 1e9
try await client.shutdown()

let sorted = results.latenciesNanos.sorted()
func percentile(_ p: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
    return Double(sorted[max(0, min(sorted.count - 1, rank))]) / 1e6
}
func fixed(_ value: Double) -> String { String(format: "%.1f", value) }
print("{\"connectors\":\(connectors),\"eventsPerRequest\":\(perRequest),\"requests\":\(sorted.count),\"failures\":\(results.failures),"
      + "\"eventsAppended\":\(results.appended),\"seconds\":\(fixed(elapsed)),\"eventsPerSecond\":\(Int(Double(results.appended) / elapsed)),"
      + "\"latencyMillis\":{\"p50\":\(fixed(percentile(50))),\"p95\":\(fixed(percentile(95))),\"p99\":\(fixed(percentile(99)))}}")
