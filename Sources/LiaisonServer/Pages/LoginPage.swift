/// The login form: a token in, a session cookie out. No script; the token field is a
/// password field so it is not shown or kept by the browser's form history.
enum LoginPage {
    static func html(error: String? = nil) -> String {
        """
        <header><h1>Liaison · inter-state balances</h1></header>
        <main><div class="card login">
        <h2>Sign in</h2>
        <p class="sub">Paste the access token you were given (finance, auditor or admin role).</p>
        \(error.map { "<p class=\"error\">\(HTML.escape($0))</p>" } ?? "")
        <form method="post" action="/login">
        <label for="token">Access token</label>
        <input id="token" name="token" type="password" autocomplete="off" required autofocus>
        <button class="primary" type="submit">Sign in</button>
        </form>
        </div></main>
        """
    }
}
