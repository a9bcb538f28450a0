using Serverless.Core.Integrations.GitHub;

namespace Serverless.Core.Tests.Integrations.GitHub.Api;

public sealed class GitHubLimitsTests
{
    [Theory]
    [InlineData(null, 5, null)]
    [InlineData("", 5, "")]
    [InlineData("abcde", 5, "abcde")]
    [InlineData("abcdef", 5, "abcd…")]
    [InlineData("abc😀def", 5, "abc…")]
    [InlineData("ab😀def", 5, "ab😀…")]
    public void Truncate(string? text, int max, string? expected)
    {
        Assert.Equal(expected, GitHubLimits.Truncate(text, max));
    }
}
