using Serverless.Core.Security.Secrets;

namespace Serverless.Core.Tests.Security.Secrets;

public sealed class SecretScannerOptionsTests
{
    [Fact]
    public void Defaults_are_documented_constants()
    {
        var options = new SecretScannerOptions();

        Assert.Equal(".secretsignore", options.AllowlistFileName);
        Assert.Equal(1024 * 1024, options.MaxFileBytes);
        Assert.Equal(3.5, options.MinGenericSecretEntropy);
        Assert.Equal(16, options.MinGenericSecretLength);
        Assert.Empty(options.DisabledRules);
    }

    [Fact]
    public void One_message_names_every_bad_field()
    {
        var options = new SecretScannerOptions
        {
            AllowlistFileName = "../outside",
            MaxFileBytes = 0,
            MinGenericSecretEntropy = -1,
            MinGenericSecretLength = 0,
            DisabledRules = ["github-token", "no-such-rule"],
        };

        var error = Assert.Throws<ArgumentException>(() => new SecretScanner(options));

        Assert.Equal(
            "Invalid secret scanner options: AllowlistFileName must be a path inside the scanned directory, not '../outside'; "
            + "MaxFileBytes must be positive, not 0; MinGenericSecretEntropy must be between 0 and 16 bits per character, not -1; "
            + "MinGenericSecretLength must be at least 1, not 0; DisabledRules names unknown rules: no-such-rule "
            + "(known: aws-access-key-id, aws-secret-access-key, github-token, private-key, slack-webhook-url, slack-token, google-api-key, stripe-live-key, generic-secret).",
            error.Message);
    }
}
