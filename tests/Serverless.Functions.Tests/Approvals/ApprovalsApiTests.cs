using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Serverless.Core.Gates;
using Serverless.Functions.Approvals;
using Serverless.Runtime.Hosting;

namespace Serverless.Functions.Tests.Approvals;

public sealed class ApprovalsApiTests
{
    private static readonly ApprovalTokens Tokens = new(Encoding.UTF8.GetBytes("approvals-api-test-signing-key"));
    private const string Run = ApprovalGateHarness.RunId;
    private const string Env = ApprovalGateHarness.Environment;

    public static TheoryData<string, string?, string, int, string> Refusals => new()
    {
        { "no principal", null, """{ "decision": "approve" }""", 401, ApprovalsApi.PrincipalHeader },
        { "not json", "alice", "approve", 400, "body" },
        { "unknown decision", "alice", """{ "decision": "maybe" }""", 400, "decision" },
        { "decision not a string", "alice", """{ "decision": 1 }""", 400, "decision" },
        { "cut off", "alice", """{ "decision": "appr""", 400, "body" },
        { "comment not a string", "alice", """{ "decision": "approve", "comment": ["a"] }""", 400, "comment" },
        { "missing decision", "alice", """{ "comment": "ok" }""", 400, "decision" },
        { "pusher", "dave", """{ "decision": "approve" }""", 403, "approver" },
        { "not an approver", "carol", """{ "decision": "approve" }""", 403, "approver" },
        { "comment too long", "alice", $"{{ \"decision\": \"approve\", \"comment\": \"{new string('x', 501)}\" }}", 400, "comment" },
        { "name too long", new string('a', 257), """{ "decision": "approve" }""", 400, ApprovalsApi.PrincipalHeader },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Refuses_bad_requests_naming_the_field(string name, string? principal, string body, int status, string field)
    {
        await using var gate = await ApprovalGateHarness.OpenAsync(ApprovalGateHarness.Policy());
        var api = new ApprovalsApi(Tokens, gate.Clock, UserKeys.None);

        var result = await api.Decide(Post(principal, body), Run, Env, gate.Client, default);

        AssertProblem(result, status, field, name);
    }

    [Fact]
    public async Task Accepts_a_decision_and_the_gate_counts_it()
    {
        await using var gate = await ApprovalGateHarness.OpenAsync(ApprovalGateHarness.Policy());
        var api = new ApprovalsApi(Tokens, gate.Clock, UserKeys.None);

        var result = await api.Decide(Post("alice", """{ "decision": "approve", "comment": "lgtm" }"""), Run, Env, gate.Client, default);

        Assert.Equal(StatusCodes.Status202Accepted, ((IStatusCodeHttpResult)result).StatusCode);
        Assert.Equal("Awaiting approval 1/2 (alice)", (await gate.UntilStatusAsync(s => s.State.Decisions.Count == 1)).Text);
        AssertProblem(await api.Decide(Post("alice", """{ "decision": "reject", "comment": "changed my mind" }"""), Run, Env, gate.Client, default), 409, "approver", "second decision");
        var listed = await api.List(new DefaultHttpContext().Request, gate.Client, default);
        Assert.Contains("Awaiting approval 1/2 (alice)", System.Text.Json.JsonSerializer.Serialize(((IValueHttpResult)listed).Value));
    }

    [Fact]
    public async Task Unknown_gate_is_404_naming_the_environment_or_the_run_when_there_is_no_such_run()
    {
        await using var gate = await ApprovalGateHarness.OpenAsync(ApprovalGateHarness.Policy());
        var api = new ApprovalsApi(Tokens, gate.Clock, UserKeys.None);

        AssertProblem(await api.Decide(Post("alice", """{ "decision": "approve" }"""), Run, "staging", gate.Client, default), 404, "environment", "unknown");
        AssertProblem(await api.Decide(Post("alice", """{ "decision": "approve" }"""), "run-nope", Env, gate.Client, default), 404, "runId", "no run");
    }

    [Fact]
    public async Task A_closed_gate_is_409_and_an_expired_one_410()
    {
        await using var gate = await ApprovalGateHarness.OpenAsync(ApprovalGateHarness.Policy(required: 1));
        var api = new ApprovalsApi(Tokens, gate.Clock, UserKeys.None);
        await api.Decide(Post("bob", """{ "decision": "reject", "comment": "no" }"""), Run, Env, gate.Client, default);
        await gate.CompletionAsync();

        AssertProblem(await api.Decide(Post("alice", """{ "decision": "approve" }"""), Run, Env, gate.Client, default), 409, "environment", "closed");

        await using var other = await ApprovalGateHarness.OpenAsync(ApprovalGateHarness.Policy());
        other.Clock.Advance(TimeSpan.FromHours(4));
        await other.CompletionAsync();
        AssertProblem(await new ApprovalsApi(Tokens, other.Clock, UserKeys.None).Decide(Post("alice", """{ "decision": "approve" }"""), Run, Env, other.Client, default), 410, "environment", "expired");
    }

    [Fact]
    public async Task A_gate_whose_run_was_terminated_is_not_listed_and_takes_no_decision()
    {
        await using var gate = await ApprovalGateHarness.OpenAsync(ApprovalGateHarness.Policy());
        var api = new ApprovalsApi(Tokens, gate.Clock, UserKeys.None);
        await gate.Client.TerminateInstanceAsync(Run, "pushed by mistake");
        await gate.Client.WaitForInstanceCompletionAsync(Run).WaitAsync(TimeSpan.FromSeconds(30));

        var listed = await api.List(new DefaultHttpContext().Request, gate.Client, default);
        var decided = await api.Decide(Post("alice", """{ "decision": "approve" }"""), Run, Env, gate.Client, default);

        Assert.DoesNotContain(Run, System.Text.Json.JsonSerializer.Serialize(((IValueHttpResult)listed).Value), StringComparison.Ordinal);
        AssertProblem(decided, 410, "runId", "terminated run");
        Assert.Contains("Terminated", ((ProblemHttpResult)decided).ProblemDetails.Detail);
    }

    [Fact]
    public async Task Signed_links_decide_and_forged_or_expired_links_do_not()
    {
        await using var gate = await ApprovalGateHarness.OpenAsync(ApprovalGateHarness.Policy());
        var api = new ApprovalsApi(Tokens, gate.Clock, UserKeys.None);
        var link = new ApprovalLink("erin", Run, Env, ApprovalChoice.Approve, ApprovalGateHarness.Start.AddHours(1));
        var token = Tokens.Create(link);
        var request = new DefaultHttpContext().Request;

        AssertProblem(await api.DecideByLink(request, Run, Env, token[..^2] + "xx", gate.Client, default), 401, "token", "forged");
        AssertProblem(await api.DecideByLink(request, Run, Env, Tokens.Create(link with { Approver = "carol" }), gate.Client, default), 403, "approver", "not allowed");
        Assert.Equal(StatusCodes.Status202Accepted, ((IStatusCodeHttpResult)await api.DecideByLink(request, Run, Env, token, gate.Client, default)).StatusCode);
        Assert.Equal("Awaiting approval 1/2 (erin)", (await gate.UntilStatusAsync(s => s.State.Decisions.Count == 1)).Text);

        gate.Clock.Advance(TimeSpan.FromHours(1));
        AssertProblem(await api.DecideByLink(request, Run, Env, token, gate.Client, default), 410, "token", "expired");
    }

    [Fact]
    public async Task With_personal_keys_a_signed_link_decides_nothing()
    {
        await using var gate = await ApprovalGateHarness.OpenAsync(ApprovalGateHarness.Policy());
        var users = new UserKeys(new Dictionary<string, string> { ["erin"] = "erin-personal-key-0123456789abcdef" }, []);
        var api = new ApprovalsApi(Tokens, gate.Clock, users);
        var token = Tokens.Create(new ApprovalLink("erin", Run, Env, ApprovalChoice.Approve, ApprovalGateHarness.Start.AddHours(1)));

        AssertProblem(await api.DecideByLink(new DefaultHttpContext().Request, Run, Env, token, gate.Client, default), 403, "token", "links off");
    }

    private static HttpRequest Post(string? principal, string body)
    {
        var context = new DefaultHttpContext();
        if (principal is not null) context.Request.Headers[ApprovalsApi.PrincipalHeader] = principal;
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = bytes.Length;
        return context.Request;
    }

    private static void AssertProblem(IResult result, int status, string field, string name)
    {
        var problem = Assert.IsType<ProblemHttpResult>(result);
        Assert.True(problem.StatusCode == status && Equals(problem.ProblemDetails.Extensions["field"], field), $"{name}: {problem.StatusCode} {problem.ProblemDetails.Detail}");
    }
}
