using System.Net;

namespace Serverless.Runtime.Tests.Hosting.Management;

/// <summary>Checks of RFC 9457 problem-details responses.</summary>
public static class Problems
{
    public static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailContains)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", ManagementApiHost.ContentType(response)?.MediaType);
        var body = (await ManagementApiHost.ReadJsonAsync(response))!;
        Assert.Equal((int)status, body["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(body["title"]?.GetValue<string>()));
        Assert.Contains(detailContains, body["detail"]!.GetValue<string>());
    }

    /// <summary>A 400 whose <c>errors</c> name <paramref name="field"/> with a message containing <paramref name="messageContains"/>.</summary>
    public static async Task AssertBadRequestAsync(HttpResponseMessage response, string field, string messageContains)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", ManagementApiHost.ContentType(response)?.MediaType);
        var body = (await ManagementApiHost.ReadJsonAsync(response))!;
        Assert.Equal(400, body["status"]!.GetValue<int>());
        Assert.Contains(field, body["title"]!.GetValue<string>());
        var messages = body["errors"]![field]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        Assert.Contains(messages, m => m.Contains(messageContains, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(messageContains, body["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }
}
