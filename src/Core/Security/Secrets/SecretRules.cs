namespace Serverless.Core.Security.Secrets;

/// <summary>The built-in rules, in the order they appear in SARIF.</summary>
public static class SecretRules
{
    public static SecretRule AwsAccessKeyId { get; } = new(
        "aws-access-key-id",
        "AwsAccessKeyId",
        Severity.High,
        "AWS access key id.",
        "An AWS access key id (AKIA… long-term, ASIA… temporary) is committed. Deactivate the key in IAM, check CloudTrail for its use, and load credentials from the environment or a role instead.",
        SecretPatterns.AwsAccessKeyId(),
        ["AKIA", "ASIA"]);

    public static SecretRule AwsSecretAccessKey { get; } = new(
        "aws-secret-access-key",
        "AwsSecretAccessKey",
        Severity.Critical,
        "AWS secret access key assigned in source.",
        "An AWS secret access key is assigned in a committed file. Rotate the key pair in IAM now, review CloudTrail, and use a role or a secret store instead.",
        SecretPatterns.AwsSecretAccessKey(),
        ["secret"]);

    public static SecretRule GitHubToken { get; } = new(
        "github-token",
        "GitHubToken",
        Severity.Critical,
        "GitHub token.",
        "A GitHub personal access, OAuth, user-to-server, server-to-server or refresh token is committed. Revoke it in GitHub settings and use the Actions GITHUB_TOKEN or a secret store.",
        SecretPatterns.GitHubToken(),
        ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"]);

    public static SecretRule PrivateKey { get; } = new(
        "private-key",
        "PrivateKey",
        Severity.Critical,
        "Private key block.",
        "A PEM private key is committed. Treat the key as compromised: replace it, revoke any certificate issued for it, and keep keys in a secret store.",
        SecretPatterns.PrivateKey(),
        ["PRIVATE KEY"],
        (_, _) => true);

    public static SecretRule SlackWebhook { get; } = new(
        "slack-webhook-url",
        "SlackWebhookUrl",
        Severity.High,
        "Slack incoming webhook URL.",
        "A Slack incoming webhook URL is committed; anyone holding it can post to the channel. Regenerate it in the Slack app settings and read it from configuration.",
        SecretPatterns.SlackWebhook(),
        ["hooks.slack.com"]);

    public static SecretRule SlackToken { get; } = new(
        "slack-token",
        "SlackToken",
        Severity.High,
        "Slack API token.",
        "A Slack bot, user, app or refresh token (xox…) is committed. Revoke it in the Slack app settings and read it from configuration.",
        SecretPatterns.SlackToken(),
        ["xox"]);

    public static SecretRule GoogleApiKey { get; } = new(
        "google-api-key",
        "GoogleApiKey",
        Severity.High,
        "Google API key.",
        "A Google API key (AIza…) is committed. Delete or regenerate it in the Google Cloud console and restrict the replacement to the APIs and callers that need it.",
        SecretPatterns.GoogleApiKey(),
        ["AIza"]);

    public static SecretRule StripeLiveKey { get; } = new(
        "stripe-live-key",
        "StripeLiveKey",
        Severity.Critical,
        "Stripe live secret key.",
        "A Stripe live-mode secret key is committed. Roll the key in the Stripe dashboard now and keep it in a secret store.",
        SecretPatterns.StripeLiveKey(),
        ["sk_live_"]);

    public static SecretRule GenericSecret { get; } = new(
        "generic-secret",
        "GenericSecret",
        Severity.Medium,
        "Random-looking value assigned to a password, secret, token or API key.",
        "A value that looks random is assigned to a password, secret, token or API key. If it is a real credential, rotate it and read it from configuration; if not, add it to .secretsignore.",
        SecretPatterns.GenericAssignment(),
        ["password", "passwd", "secret", "token", "api"],
        (value, options) => value.Length >= options.MinGenericSecretLength
            && !Placeholders.IsPlaceholder(value)
            && !Placeholders.LooksFake(value)
            && !Placeholders.LooksLikeWords(value)
            && ShannonEntropy.BitsPerChar(value) >= options.MinGenericSecretEntropy,
        isGeneric: true);

    public static IReadOnlyList<SecretRule> All { get; } =
    [
        AwsAccessKeyId, AwsSecretAccessKey, GitHubToken, PrivateKey, SlackWebhook, SlackToken, GoogleApiKey, StripeLiveKey,
        GenericSecret,
    ];
}
