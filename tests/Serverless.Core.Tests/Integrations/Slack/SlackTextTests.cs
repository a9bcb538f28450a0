using Serverless.Core.Integrations.Slack;

namespace Serverless.Core.Tests.Integrations.Slack;

public sealed class SlackTextTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("<!channel> deploy", "&lt;!channel&gt; deploy")]
    [InlineData("<https://evil.example|click>", "&lt;https://evil.example|click&gt;")]
    [InlineData("&amp;", "&amp;amp;")]
    [InlineData("*bold* _it_ `code`", "*bold* _it_ `code`")]
    public void Escape(string text, string expected)
    {
        Assert.Equal(expected, SlackText.Escape(text));
    }

    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("abcdefghij", 10, "abcdefghij")]
    [InlineData("abcdefghijk", 10, "abcdefghi…")]
    [InlineData("a&b", 5, "a…")]
    [InlineData("ab<c", 6, "ab…")]
    [InlineData("a<bc", 6, "a&lt;…")]
    [InlineData("ab😀cd", 4, "ab…")]
    [InlineData("ab😀cd", 5, "ab😀…")]
    public void EscapeAndFit_never_splits_an_escape_or_a_surrogate_pair(string text, int max, string expected)
    {
        var fitted = SlackText.EscapeAndFit(text, max);

        Assert.Equal(expected, fitted);
        Assert.True(fitted.Length <= max);
    }

    [Fact]
    public void FitPlain_cuts_without_escaping()
    {
        Assert.Equal("a<b…", SlackText.FitPlain("a<b>cdef", 4));
        Assert.Equal("a<b>", SlackText.FitPlain("a<b>", 4));
    }

    [Theory]
    [InlineData("Fix the build", "Fix the build")]
    [InlineData("Fix the build\n\nLong explanation", "Fix the build")]
    [InlineData("  Windows line\r\nsecond", "Windows line")]
    [InlineData("", "")]
    public void FirstLine(string text, string expected)
    {
        Assert.Equal(expected, SlackText.FirstLine(text));
    }
}
