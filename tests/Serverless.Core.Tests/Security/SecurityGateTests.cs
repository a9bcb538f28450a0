using Serverless.Core.Security;
using Serverless.Core.Security.Secrets;
using Serverless.Core.Tests.Security.Secrets;

namespace Serverless.Core.Tests.Security;

public sealed class SecurityGateTests
{
    private static readonly Severity[] CriticalAndHigh = [Severity.Critical, Severity.High];

    public static TheoryData<Severity[], Severity[], bool, string> Decisions => new()
    {
        { [], CriticalAndHigh, true, "no findings at or above high" },
        { [Severity.Medium, Severity.Low, Severity.Low], CriticalAndHigh, true, "no findings at or above high" },
        { [Severity.High, Severity.Critical, Severity.Low], CriticalAndHigh, false, "2 findings at or above high: 1 critical, 1 high" },
        { [Severity.High], CriticalAndHigh, false, "1 finding at or above high: 1 high" },
        { [Severity.Critical, Severity.Critical], [Severity.Critical], false, "2 findings at critical: 2 critical" },
        { [Severity.High], [Severity.Critical], true, "no findings at critical" },
        { [Severity.Medium, Severity.Low], [Severity.Low, Severity.Medium, Severity.High, Severity.Critical], false, "2 findings at or above low: 1 medium, 1 low" },
        { [Severity.Low, Severity.High], [Severity.Low, Severity.Critical], false, "1 finding at critical or low: 1 low" },
        { [Severity.Critical], [], true, "no severity blocks" },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Blocks_on_findings_at_a_blocked_severity(Severity[] findings, Severity[] block, bool passed, string reason)
    {
        var result = SecurityGate.Evaluate(findings, block);

        Assert.Equal((passed, reason), (result.Passed, result.Reason));
    }

    [Fact]
    public void Counts_every_severity_including_zeroes_and_the_blocking_ones()
    {
        var result = SecurityGate.Evaluate([Severity.Low, Severity.Critical, Severity.Low, Severity.Medium], SecurityGate.DefaultBlock);

        Assert.Equal(
            [(Severity.Critical, 1), (Severity.High, 0), (Severity.Medium, 1), (Severity.Low, 2)],
            result.Counts.Select(pair => (pair.Key, pair.Value)));
        Assert.Equal(1, result.Blocking);
    }

    [Fact]
    public void Takes_scan_findings_and_secret_findings()
    {
        var scan = new ScanFinding("Trivy", "CVE-1", Severity.High, "m", "image.tar", 1, "f");
        var secrets = new SecretScanner().ScanContent("a.env", $"A={FakeSecrets.StripeLiveKey()}\nB={FakeSecrets.SlackWebhook()}");

        Assert.Equal("1 finding at or above high: 1 high", SecurityGate.Evaluate([scan], SecurityGate.DefaultBlock).Reason);
        Assert.Equal("2 findings at or above high: 1 critical, 1 high", SecurityGate.Evaluate(secrets, SecurityGate.DefaultBlock).Reason);
    }

    [Fact]
    public void The_default_blocks_critical_and_high_as_pipeline_yml_does()
    {
        Assert.Equal(CriticalAndHigh, SecurityGate.DefaultBlock);
    }
}
