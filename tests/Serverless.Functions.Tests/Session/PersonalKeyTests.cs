using System.Net;
using System.Text;
using Serverless.Functions.Approvals;
using Serverless.Functions.Tests.Support;
using Serverless.Functions.Tests.Webhooks;

namespace Serverless.Functions.Tests.Session;

/// <summary>
/// With PIPELINES_USERS, who you are comes from your personal key: the session says so, and an approval cannot be
/// sent under someone else's name by setting the header.
/// </summary>
public sealed class PersonalKeyTests : IAsyncLifetime
{
    private const string MasterKey = "personal-keys-master-key-0123456789";
    private const string AliceKey = "alice-personal-key-0123456789";
    private const string CarolKey = "carol-personal-key-0123456789";
    private FunctionsApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await FunctionsApp.StartAsync(new Dictionary<string, string>
        {
            ["PIPELINES_MASTER_KEY"] = MasterKey,
            ["PIPELINES_USERS"] = $"alice={AliceKey}, carol={CarolKey}",
            ["PIPELINES_ADMINS"] = "carol",
        });

    [Theory]
    [InlineData(AliceKey, "mallory", "alice", false)]
    [InlineData(CarolKey, null, "carol", true)]
    [InlineData(FunctionsApp.FunctionKey, "alice", null, false)]
    [InlineData(MasterKey, "alice", null, true)]
    public async Task The_session_names_the_holder_of_a_personal_key_and_ignores_names_sent(string key, string? sent, string? principal, bool admin)
    {
        var answer = await _app.SendAsync(Request(HttpMethod.Get, "api/session", key, sent));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var named = answer.Body.GetProperty("principal") is { ValueKind: System.Text.Json.JsonValueKind.String } p ? p.GetString() : null;
        Assert.Equal((principal, true, admin), (named, answer.Body.GetProperty("verified").GetBoolean(), answer.Body.GetProperty("admin").GetBoolean()));
    }

    [Fact]
    public async Task An_approval_under_a_name_sent_without_that_persons_key_is_refused()
    {
        var path = "api/approvals/run-1/production";
        const string body = """{ "decision": "approve" }""";

        var claimed = await _app.SendAsync(Request(HttpMethod.Post, path, FunctionsApp.FunctionKey, "alice", body));
        GitHubWebhookRefusalTests.AssertProblem(claimed, HttpStatusCode.Unauthorized, ApprovalsApi.PrincipalHeader);

        // Alice's own key gets past the identity check to the gate, which does not exist here.
        var own = await _app.SendAsync(Request(HttpMethod.Post, path, AliceKey, null, body));
        Assert.Equal(HttpStatusCode.NotFound, own.Status);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string key, string? name, string? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-functions-key", key);
        if (name is not null) request.Headers.Add("X-MS-CLIENT-PRINCIPAL-NAME", name);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        return request;
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();
}
