using Serverless.Core.Security.Secrets;

namespace Serverless.Core.Tests.Security.Secrets;

public sealed class SecretRuleTests
{
    private readonly SecretScanner scanner = new();

    public static TheoryData<string, string, string> TruePositives => new()
    {
        { "aws-access-key-id", "aws-access-key-id", $"aws_access_key_id = {FakeSecrets.AwsAccessKeyId()}" },
        { "aws-access-key-id", "aws-temporary-key-id-in-json", $"{{\"AccessKeyId\": \"{FakeSecrets.AwsTemporaryKeyId()}\"}}" },
        { "aws-access-key-id", "aws-key-at-line-start", FakeSecrets.AwsAccessKeyId(7) },
        { "aws-secret-access-key", "aws-secret-ini", $"aws_secret_access_key = {FakeSecrets.AwsSecretKey()}" },
        { "aws-secret-access-key", "aws-secret-env", $"AWS_SECRET_ACCESS_KEY=\"{FakeSecrets.AwsSecretKey(2)}\"" },
        { "aws-secret-access-key", "aws-secret-yaml", $"secretAccessKey: {FakeSecrets.AwsSecretKey(3)}" },
        { "github-token", "github-personal", $"token: {FakeSecrets.GitHubToken("ghp")}" },
        { "github-token", "github-oauth", $"use({FakeSecrets.GitHubToken("gho")})" },
        { "github-token", "github-user-to-server", FakeSecrets.GitHubToken("ghu") },
        { "github-token", "github-server-to-server", $"'{FakeSecrets.GitHubToken("ghs")}'" },
        { "github-token", "github-refresh", $"refresh={FakeSecrets.GitHubToken("ghr")}" },
        { "github-token", "github-fine-grained", $"GH={FakeSecrets.GitHubFineGrainedToken()}" },
        { "private-key", "rsa-private-key", FakeSecrets.PrivateKey("RSA ") },
        { "private-key", "ec-private-key", FakeSecrets.PrivateKey("EC ") },
        { "private-key", "openssh-private-key", FakeSecrets.PrivateKey("OPENSSH ") },
        { "private-key", "pkcs8-private-key", FakeSecrets.PrivateKey("") },
        { "private-key", "encrypted-private-key", FakeSecrets.PrivateKey("ENCRYPTED ") },
        { "private-key", "private-key-in-json-string", $"{{\"key\": \"{FakeSecrets.PrivateKey(newline: "\\n")}\"}}" },
        { "slack-webhook-url", "slack-webhook", $"url = \"{FakeSecrets.SlackWebhook()}\"" },
        { "slack-token", "slack-bot-token", $"SLACK={FakeSecrets.SlackToken('b')}" },
        { "slack-token", "slack-user-token", FakeSecrets.SlackToken('p') },
        { "slack-token", "slack-app-token", FakeSecrets.SlackToken('a') },
        { "slack-token", "slack-refresh-token", FakeSecrets.SlackToken('r') },
        { "slack-token", "slack-legacy-token", FakeSecrets.SlackToken('s') },
        { "google-api-key", "google-api-key", $"key={FakeSecrets.GoogleApiKey()}&q=1" },
        { "stripe-live-key", "stripe-live-key", $"Stripe.ApiKey = \"{FakeSecrets.StripeLiveKey()}\";" },
        { "generic-secret", "password-assignment", $"password = \"{FakeSecrets.HighEntropy()}\"" },
        { "generic-secret", "json-api-key", $"{{ \"api_key\": \"{FakeSecrets.HighEntropy(seed: 2)}\" }}" },
        { "generic-secret", "yaml-client-secret", $"client_secret: '{FakeSecrets.HighEntropy(seed: 3)}'" },
        { "generic-secret", "dotenv-unquoted", $"DB_PASSWORD={FakeSecrets.HighEntropy(seed: 4)}" },
        { "generic-secret", "shell-export", $"export API_TOKEN={FakeSecrets.HighEntropy(20, seed: 5)}" },
        { "generic-secret", "ruby-hash", $"auth_token => \"{FakeSecrets.HighEntropy(seed: 6)}\"" },
        { "generic-secret", "go-short-assignment", $"apiKey := \"{FakeSecrets.HighEntropy(seed: 7)}\"" },
    };

    public static TheoryData<string, string> NearMisses => new()
    {
        { "aws-key-id-too-short", "id = " + "AK" + "IA" + FakeSecrets.Random("ABCDEFGHIJ0123456789", 15, 1) },
        { "aws-key-id-lowercase", "id = " + "ak" + "ia" + FakeSecrets.Random("abcdefghij0123456789", 16, 1) },
        { "aws-key-id-inside-a-word", "X" + FakeSecrets.AwsAccessKeyId() },
        { "aws-key-id-documented-example", "aws_access_key_id = " + "AK" + "IA" + "IOSFODNN7" + "EXAMPLE" },
        { "aws-secret-documented-example", "aws_secret_access_key = " + "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY" },
        { "aws-secret-39-chars", "aws_secret_access_key = " + FakeSecrets.AwsSecretKey()[..39] },
        { "aws-secret-41-chars", "aws_secret_access_key = " + FakeSecrets.AwsSecretKey() + "Q" },
        { "aws-secret-without-name", "value = " + FakeSecrets.Random("abcdefghijklmnop0123456789", 40, 1) },
        { "github-token-too-short", "gh" + "p_" + FakeSecrets.Random("abcdefghijklmnopqrstuvwxyz0123456789", 35, 1) },
        { "github-token-too-long", "gh" + "p_" + FakeSecrets.Random("abcdefghijklmnopqrstuvwxyz0123456789", 37, 1) },
        { "github-token-unknown-prefix", "gh" + "x_" + FakeSecrets.Random("abcdefghijklmnopqrstuvwxyz0123456789", 36, 1) },
        { "github-token-placeholder", "GITHUB_TOKEN=gh" + "p_" + new string('x', 36) },
        { "public-key-block", FakeSecrets.PrivateKey("RSA ").Replace("PRIVATE", "PUBLIC", StringComparison.Ordinal) },
        { "private-key-header-in-code", "if (pem.StartsWith(\"-----BEGIN " + "RSA PRIVATE KEY-----\")) { return true; }" },
        { "private-key-without-end", FakeSecrets.PrivateKey()[..200] },
        { "slack-webhook-documented-placeholder", "https://hooks.slack" + ".com/services/T00000000/B00000000/" + new string('X', 24) },
        { "slack-webhook-wrong-host", "https://hooks.example" + ".com/services/T0ABCDEF12/B0ABCDEF34/" + FakeSecrets.Random("abcdefghijklmnopqrstuvwxyz", 24, 1) },
        { "slack-client-token", FakeSecrets.SlackToken().Replace("xoxb", "xoxc", StringComparison.Ordinal) },
        { "slack-token-placeholder", "SLACK_TOKEN=xo" + "xb-your-bot-token" },
        { "google-key-too-short", "AI" + "za" + FakeSecrets.Random("abcdefghijklmnopqrstuvwxyz0123456789", 34, 1) },
        { "google-key-too-long", "AI" + "za" + FakeSecrets.Random("abcdefghijklmnopqrstuvwxyz0123456789", 36, 1) },
        { "stripe-test-key", "sk_" + "test_" + FakeSecrets.Random("abcdefghijklmnopqrstuvwxyz0123456789", 24, 1) },
        { "stripe-publishable-key", "pk_" + "live_" + FakeSecrets.Random("abcdefghijklmnopqrstuvwxyz0123456789", 24, 1) },
        { "stripe-live-key-too-short", "sk_" + "live_" + FakeSecrets.Random("abcdefghijklmnopqrstuvwxyz0123456789", 10, 1) },
        { "password-too-short", "password = \"Xk9!qZ2@\"" },
        { "password-changeme", "password = \"changeme-changeme-2024\"" },
        { "token-from-variable", "token = \"${GITHUB_TOKEN_FROM_THE_ENVIRONMENT}\"" },
        { "token-from-template", "token: \"{{ secrets.DEPLOY_TOKEN_VALUE }}\"" },
        { "token-from-app-setting", "token: \"%SLACK_WEBHOOK_URL_SETTING%\"" },
        { "secret-redacted", "secret = \"<redacted-by-the-scanner>\"" },
        { "password-all-same-char", "password = \"" + new string('*', 20) + "\"" },
        { "api-key-low-entropy", "api_key = \"abcabcabcabcabcabcabc\"" },
        { "password-from-call", "password = getPasswordFromVaultForEnvironment(environment)" },
        { "token-count-number", "TOKEN_COUNT=1234567890123456" },
        { "description-not-a-secret-name", "description = \"" + FakeSecrets.HighEntropy() + "\"" },
        { "env-reference-unquoted", "DB_PASSWORD=$DATABASE_PASSWORD_FROM_VAULT" },
        { "password-prose", "const password = 'Password used to generate key';" },
        { "token-type-identifier", "token_type = 'bare-quoted-string'" },
        { "secret-without-digit", "secret = \"" + FakeSecrets.Random("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ", 24, 1) + "\"" },
        { "token-spanning-lines", "token =\n\"" + FakeSecrets.HighEntropy() + "\"" },
    };

    [Theory]
    [MemberData(nameof(TruePositives))]
    public void Finds_each_kind_of_secret(string expectedRule, string caseName, string content)
    {
        var findings = scanner.ScanContent("src/app.config", "first line\n" + content + "\nlast line\n");

        var finding = Assert.Single(findings);
        Assert.True(expectedRule == finding.RuleId, $"{caseName}: expected {expectedRule}, found {finding.RuleId}");
        Assert.Equal(2, finding.Line);
    }

    [Theory]
    [MemberData(nameof(NearMisses))]
    public void Ignores_values_that_only_look_like_secrets(string caseName, string content)
    {
        var findings = scanner.ScanContent("src/app.config", content);

        Assert.True(findings.Count == 0, $"{caseName}: unexpected {string.Join(", ", findings.Select(f => f.RuleId))}");
    }

    [Fact]
    public void Every_rule_has_an_id_name_severity_and_help()
    {
        Assert.All(SecretRules.All, rule =>
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", rule.Id);
            Assert.Matches("^[A-Z][A-Za-z]+$", rule.Name);
            Assert.True(Enum.IsDefined(rule.Severity));
            Assert.False(string.IsNullOrWhiteSpace(rule.Description));
            Assert.False(string.IsNullOrWhiteSpace(rule.Help));
        });
        Assert.Equal(SecretRules.All.Count, SecretRules.All.Select(rule => rule.Id).Distinct().Count());
    }

    [Fact]
    public void A_specific_rule_wins_over_the_generic_one_for_the_same_value()
    {
        var findings = scanner.ScanContent("deploy.sh", $"GITHUB_TOKEN=\"{FakeSecrets.GitHubToken()}\"\naws_secret_access_key = \"{FakeSecrets.AwsSecretKey()}\"");

        Assert.Equal(["github-token", "aws-secret-access-key"], findings.Select(finding => finding.RuleId));
    }

    [Fact]
    public void Reports_line_and_column_of_the_secret_itself()
    {
        var content = "one\r\ntwo\r\n    api = " + FakeSecrets.GoogleApiKey() + "\r\n";

        var finding = Assert.Single(scanner.ScanContent("a.txt", content));

        Assert.Equal((3, 11), (finding.Line, finding.Column));
    }

    [Fact]
    public void Reports_every_secret_in_a_file_in_order()
    {
        var content = $"{FakeSecrets.StripeLiveKey()} {FakeSecrets.GitHubToken()}\n{FakeSecrets.SlackWebhook()}";

        var findings = scanner.ScanContent("notes.md", content);

        Assert.Equal(
            [("stripe-live-key", 1, 1), ("github-token", 1, 34), ("slack-webhook-url", 2, 1)],
            findings.Select(finding => (finding.RuleId, finding.Line, finding.Column)));
    }

    [Fact]
    public void Entropy_threshold_and_minimum_length_come_from_options()
    {
        var content = "password = \"" + FakeSecrets.HighEntropy(12) + "\"";

        Assert.Empty(new SecretScanner().ScanContent("a", content));
        Assert.Single(new SecretScanner(new SecretScannerOptions { MinGenericSecretLength = 12, MinGenericSecretEntropy = 3 }).ScanContent("a", content));
        Assert.Empty(new SecretScanner(new SecretScannerOptions { MinGenericSecretLength = 12, MinGenericSecretEntropy = 6 }).ScanContent("a", content));
    }

    [Fact]
    public void Disabled_rules_do_not_run()
    {
        var options = new SecretScannerOptions { DisabledRules = ["generic-secret"] };

        Assert.Empty(new SecretScanner(options).ScanContent("a", $"password = \"{FakeSecrets.HighEntropy()}\""));
        Assert.DoesNotContain(new SecretScanner(options).Rules, rule => rule.Id == "generic-secret");
    }
}
