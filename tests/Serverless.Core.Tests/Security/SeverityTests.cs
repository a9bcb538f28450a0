using Serverless.Core.Security;

namespace Serverless.Core.Tests.Security;

public sealed class SeverityTests
{
    [Theory]
    [InlineData("critical", Severity.Critical)]
    [InlineData("HIGH", Severity.High)]
    [InlineData(" Medium ", Severity.Medium)]
    [InlineData("moderate", Severity.Medium)]
    [InlineData("low", Severity.Low)]
    public void Parses_names_from_pipeline_yml_and_scanners(string text, Severity expected)
    {
        Assert.Equal(expected, SeverityExtensions.Parse(text));
        Assert.True(SeverityExtensions.TryParse(text, out var parsed));
        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("severe")]
    [InlineData("4")]
    public void Rejects_anything_else_with_the_valid_names(string? text)
    {
        Assert.False(SeverityExtensions.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => SeverityExtensions.Parse(text));
        Assert.Equal($"'{text}' is not a severity; expected one of critical, high, medium, low.", error.Message);
    }

    [Theory]
    [InlineData(Severity.Critical, Severity.High, true)]
    [InlineData(Severity.High, Severity.High, true)]
    [InlineData(Severity.Medium, Severity.High, false)]
    [InlineData(Severity.Low, Severity.Low, true)]
    [InlineData(Severity.Low, Severity.Critical, false)]
    public void Compares_by_seriousness(Severity severity, Severity threshold, bool atLeast)
    {
        Assert.Equal(atLeast, severity.IsAtLeast(threshold));
        Assert.Equal(!atLeast, severity.IsBelow(threshold));
    }

    [Theory]
    [InlineData(10.0, Severity.Critical)]
    [InlineData(9.0, Severity.Critical)]
    [InlineData(8.9, Severity.High)]
    [InlineData(7.0, Severity.High)]
    [InlineData(6.9, Severity.Medium)]
    [InlineData(4.0, Severity.Medium)]
    [InlineData(3.9, Severity.Low)]
    [InlineData(0.1, Severity.Low)]
    [InlineData(0.0, null)]
    [InlineData(-1.0, null)]
    [InlineData(10.1, null)]
    [InlineData(double.NaN, null)]
    public void Maps_security_severity_scores_as_github_does(double score, Severity? expected)
    {
        Assert.Equal(expected, SeverityExtensions.FromSecuritySeverityScore(score));
    }

    [Fact]
    public void Written_scores_map_back_to_the_same_severity()
    {
        Assert.All(SeverityExtensions.MostSeriousFirst, severity =>
            Assert.Equal(severity, SeverityExtensions.FromSecuritySeverityScore(double.Parse(severity.ToSecuritySeverityScore(), System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(["critical", "high", "medium", "low"], SeverityExtensions.MostSeriousFirst.Select(severity => severity.ToDisplayName()));
    }
}
