using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Serverless.Runtime.Tests.Hosting.CustomHandler;

public sealed class TimerInvocationTests
{
    // As the Functions host sends it: the WebJobs TimerInfo serialized by Newtonsoft under the binding's name.
    private const string NightlyPayload = """
        {
          "Data": {
            "timer": {
              "Schedule": { "AdjustForDST": true },
              "ScheduleStatus": {
                "Last": "2024-03-01T02:30:00.0154321+00:00",
                "Next": "2024-03-02T02:30:00+00:00",
                "LastUpdated": "2024-03-01T02:30:00.1234567Z"
              },
              "IsPastDue": true
            }
          },
          "Metadata": {
            "sys": { "MethodName": "Nightly", "UtcNow": "2024-03-02T09:12:44.2205399Z", "RandGuid": "24ad4c06-24ad-4e5b-8294-3da9714877e9" }
          }
        }
        """;

    [Fact]
    public async Task The_functions_host_invokes_a_timer_function_with_the_timer_info_it_sends_and_gets_the_documented_response()
    {
        await using var host = await CustomHandlerHost.StartAsync();

        using var response = await host.InvokeAsync("Nightly", NightlyPayload, invocationId: "7d0d6a4e-2c1f-4d5e-9b8a-0f1e2d3c4b5a");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["Outputs", "Logs", "ReturnValue"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Object, body.GetProperty("Outputs").ValueKind);
        Assert.Empty(body.GetProperty("Outputs").EnumerateObject());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("ReturnValue").ValueKind);
        Assert.Equal(["Nightly ran; past due: True", "Warning: Disk 91% full"], body.GetProperty("Logs").EnumerateArray().Select(l => l.GetString()));

        var call = Assert.Single(host.Calls.All);
        Assert.Equal("Nightly", call.Function);
        Assert.Equal("7d0d6a4e-2c1f-4d5e-9b8a-0f1e2d3c4b5a", call.InvocationId);
        Assert.True(call.Info.IsPastDue);
        var status = call.Info.ScheduleStatus!;
        Assert.Equal(new DateTime(2024, 3, 1, 2, 30, 0, DateTimeKind.Utc).AddTicks(154321), status.Last);
        Assert.Equal(new DateTime(2024, 3, 2, 2, 30, 0, DateTimeKind.Utc), status.Next);
        Assert.Equal(new DateTime(2024, 3, 1, 2, 30, 0, DateTimeKind.Utc).AddTicks(1234567), status.LastUpdated);
        Assert.Equal(DateTimeKind.Utc, status.Next.Kind);
    }

    [Fact]
    public async Task Without_schedule_monitoring_the_host_sends_no_status_and_the_function_gets_none()
    {
        await using var host = await CustomHandlerHost.StartAsync();

        using var response = await host.InvokeAsync("everysecond", """{"data":{"myTimer":{"schedule":{"adjustForDST":true},"scheduleStatus":null,"isPastDue":false}},"metadata":{}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(host.Calls.All);
        Assert.Equal("EverySecond", call.Function);
        Assert.False(call.Info.IsPastDue);
        Assert.Null(call.Info.ScheduleStatus);
        Assert.Empty((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("Logs").EnumerateArray());
    }

    [Theory]
    [InlineData("NoSuchFunction")]
    [InlineData("Ping")]
    [InlineData("Orchestrate")]
    public async Task Only_timer_functions_are_invoked_by_name(string name)
    {
        await using var host = await CustomHandlerHost.StartAsync();

        using var response = await host.InvokeAsync(name, NightlyPayload);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"no timer function named '{name}'", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Empty(host.Calls.All);
    }

    [Theory]
    [InlineData("not json", null)]
    [InlineData("[]", null)]
    [InlineData("""{"Metadata":{}}""", "Data")]
    [InlineData("""{"Data":{"other":{}}}""", "Data.timer")]
    [InlineData("""{"Data":{"timer":{"ScheduleStatus":null}}}""", "Data.timer.IsPastDue")]
    [InlineData("""{"Data":{"timer":{"IsPastDue":"yes"}}}""", "Data.timer.IsPastDue")]
    [InlineData("""{"Data":{"timer":{"IsPastDue":false,"ScheduleStatus":{"Next":"tomorrow"}}}}""", "Data.timer.ScheduleStatus.Next")]
    public async Task A_malformed_payload_is_refused_naming_the_field(string payload, string? field)
    {
        await using var host = await CustomHandlerHost.StartAsync();

        using var response = await host.InvokeAsync("Nightly", payload);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(field, problem.TryGetProperty("field", out var named) ? named.GetString() : null);
        Assert.Empty(host.Calls.All);
    }

    [Fact]
    public async Task A_failing_function_fails_the_invocation_without_its_exception_text()
    {
        await using var host = await CustomHandlerHost.StartAsync();

        using var response = await host.InvokeAsync("Failing", """{"Data":{"timer":{"IsPastDue":false,"ScheduleStatus":null}},"Metadata":{}}""");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("InvalidOperationException", detail);
        Assert.DoesNotContain("the function broke", detail);
    }

    [Fact]
    public async Task On_its_own_the_host_has_no_invocation_endpoint()
    {
        await using var host = await CustomHandlerHost.StartAsync(asCustomHandler: false);

        using var response = await host.InvokeAsync("Nightly", NightlyPayload);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(host.Calls.All, c => c.Function == "Nightly");
    }
}
