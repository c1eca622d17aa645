import HTTPTypes
import Hummingbird

/// Small helpers for server-rendered pages: escaping, and the common frame.
enum HTML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A whole page: no script anywhere, styles inline, so the policy forbids everything else.
    static func page(title: String, body: String, status: HTTPResponse.Status = .ok) -> Response {
        let html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) · Liaison</title>
        <style>\(style)</style>
        </head>
        <body>
        \(body)
        </body>
        </html>
        """
        var response = Response.body(html, contentType: "text/html; charset=utf-8", status: status)
        response.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        return response
    }

    static let style = """
    :root{--ink:#1d2733;--muted:#5b6775;--line:#d9dee4;--bg:#f6f7f9;--card:#fff;--pos:#1f7a4d;--neg:#b3392f;--accent:#24558f}
    *{box-sizing:border-box}
    body{margin:0;font:14px/1.45 "DejaVu Sans","Segoe UI",Helvetica,Arial,sans-serif;color:var(--ink);background:var(--bg)}
    header{background:var(--accent);color:#fff;padding:14px 28px;display:flex;align-items:center;justify-content:space-between}
    header h1{font-size:18px;margin:0;font-weight:600}
    header .who{font-size:13px;opacity:.9}
    header form{display:inline;margin-left:12px}
    header button{background:transparent;border:1px solid #fff8;color:#fff;border-radius:4px;padding:3px 10px;cursor:pointer}
    main{padding:20px 24px;max-width:1680px}
    .card{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:16px 20px;margin-bottom:18px}
    .card h2{font-size:15px;margin:0 0 4px}
    .sub{color:var(--muted);font-size:12.5px;margin:0 0 12px}
    form.filters{display:flex;gap:16px;align-items:flex-end;flex-wrap:wrap}
    form.filters label{display:flex;flex-direction:column;font-size:12px;color:var(--muted);gap:3px}
    select,input{font:inherit;padding:5px 8px;border:1px solid var(--line);border-radius:4px;background:#fff;color:var(--ink)}
    button.primary{font:inherit;background:var(--accent);color:#fff;border:0;border-radius:4px;padding:6px 16px;cursor:pointer}
    table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
    th,td{padding:5px 8px;border-bottom:1px solid var(--line);white-space:nowrap;font-size:13px}
    th{font-size:11px;text-transform:uppercase;letter-spacing:.03em;color:var(--muted);font-weight:600;text-align:right;background:#fafbfc;white-space:normal;vertical-align:bottom}
    th.l,td.l{text-align:left}
    td{text-align:right}
    tr.total td{font-weight:600;background:#f1f4f8}
    tr.grand td{font-weight:700;background:#e6ecf3;border-top:2px solid var(--ink)}
    .pos{color:var(--pos)}.neg{color:var(--neg)}
    .legend{display:flex;gap:18px;font-size:12.5px;color:var(--muted);margin:4px 0 8px}
    .sw{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:5px;vertical-align:-1px}
    .error{color:var(--neg);font-weight:600}
    .login{max-width:420px;margin:70px auto}
    .login input{width:100%;margin:6px 0 14px}
    .empty{color:var(--muted);font-style:italic}
    .scroll{overflow-x:auto}
    .tabs{margin:0 0 6px;font-size:13px}.tabs a{color:var(--accent);margin:0 4px}.tabs strong{margin:0 4px}
    table.summary td,table.summary th{font-size:13.5px;padding:6px 12px}
    """
}
