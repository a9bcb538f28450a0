using System.Net;
using Serverless.Functions.Tests.Support;

namespace Serverless.Functions.Tests.Session;

/// <summary>GET /api/session tells the dashboard who is signed in and whether the key is the master key.</summary>
public sealed class SessionApiTests : IAsyncLifetime
{
    private const string MasterKey = "session-master-key-0123456789";
    private FunctionsApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await FunctionsApp.StartAsync(new Dictionary<string, string> { ["PIPELINES_MASTER_KEY"] = MasterKey });

    [Theory]
    [InlineData(FunctionsApp.FunctionKey, "alice", HttpStatusCode.OK, "alice", false)]
    [InlineData(MasterKey, "carol", HttpStatusCode.OK, "carol", true)]
    [InlineData(MasterKey, null, HttpStatusCode.OK, null, true)]
    [InlineData("not-a-key", "mallory", HttpStatusCode.Unauthorized, null, false)]
    public async Task The_session_names_the_principal_and_whether_the_key_is_the_master_key(string key, string? name, HttpStatusCode status, string? principal, bool admin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/session");
        request.Headers.Add("x-functions-key", key);
        if (name is not null) request.Headers.Add("X-MS-CLIENT-PRINCIPAL-NAME", name);

        var answer = await _app.SendAsync(request);

        Assert.Equal(status, answer.Status);
        if (status != HttpStatusCode.OK) return;
        Assert.Equal(principal, answer.Text("principal") is { Length: > 0 } p ? p : null);
        Assert.Equal(admin, answer.Body.GetProperty("admin").GetBoolean());
        Assert.False(answer.Body.GetProperty("verified").GetBoolean());
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();
}
