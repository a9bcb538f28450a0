using System.Text.Json;
using Serverless.Core.Security;
using Serverless.Core.Security.Sarif;
using Serverless.Core.Security.Secrets;

namespace Serverless.Core.Tests.Security.Secrets;

public sealed class RedactionTests : IDisposable
{
    private readonly TempRepository repository = new();

    public void Dispose() => repository.Dispose();

    private static readonly string[] Secrets =
    [
        FakeSecrets.AwsAccessKeyId(),
        FakeSecrets.AwsSecretKey(),
        FakeSecrets.GitHubToken(),
        FakeSecrets.GitHubFineGrainedToken(),
        FakeSecrets.PrivateKey(),
        FakeSecrets.SlackWebhook(),
        FakeSecrets.SlackToken(),
        FakeSecrets.GoogleApiKey(),
        FakeSecrets.StripeLiveKey(),
        FakeSecrets.HighEntropy(),
    ];

    [Fact]
    public void No_secret_appears_in_findings_sarif_json_or_gate_reasons()
    {
        repository.Write("config/all.env", string.Join(
            "\n",
            $"id = {Secrets[0]}",
            $"aws_secret_access_key = {Secrets[1]}",
            Secrets[2],
            Secrets[3],
            Secrets[4],
            Secrets[5],
            Secrets[6],
            Secrets[7],
            Secrets[8],
            $"password = \"{Secrets[9]}\""));

        var result = new SecretScanner().Scan(repository.Root);
        var scanFindings = result.Findings.Select(finding => finding.ToScanFinding()).ToList();
        var outputs = new List<string>
        {
            string.Join("\n", result.Findings.Select(finding => finding.ToString())),
            JsonSerializer.Serialize(result),
            SarifWriter.Serialize(SecretSarif.ToSarifLog(result.Findings)),
            string.Join("\n", scanFindings.Select(finding => finding.ToString())),
            SarifWriter.Serialize(ConsolidatedSarif.ToSarifLog(scanFindings)),
            SecurityGate.Evaluate(result.Findings, SecurityGate.DefaultBlock).ToString(),
        };

        Assert.Equal(Secrets.Length, result.Findings.Count);
        foreach (var secret in Secrets)
        {
            foreach (var output in outputs)
            {
                Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
                Assert.False(RevealsMoreThanThePrefix(secret, output), $"{output} reveals part of a secret beyond its first four characters");
            }
        }
    }

    [Fact]
    public void Redaction_keeps_only_the_first_four_characters()
    {
        var token = FakeSecrets.GitHubToken();

        var finding = Assert.Single(new SecretScanner().ScanContent("a", token));

        Assert.Equal(token[..4] + "…", finding.Redacted);
    }

    [Fact]
    public void Short_secrets_show_no_characters_at_all()
    {
        var options = new SecretScannerOptions { MinGenericSecretLength = 8, MinGenericSecretEntropy = 2 };

        var finding = Assert.Single(new SecretScanner(options).ScanContent("a", "password = \"Zq8#mW2k\""));

        Assert.Equal("…", finding.Redacted);
    }

    // Any 8 characters of the secret after its shown prefix appearing in the output count as a leak.
    private static bool RevealsMoreThanThePrefix(string secret, string output)
    {
        var hidden = secret[4..];
        for (var i = 0; i + 8 <= hidden.Length; i++)
        {
            var window = hidden.Substring(i, 8);
            if (window.All(char.IsLetterOrDigit) && output.Contains(window, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
