namespace Serverless.Core.Security.Secrets;

/// <summary>A pattern hit before it becomes a finding; the only place the secret is held, and only briefly.</summary>
internal readonly record struct SecretMatch(SecretRule Rule, int Index, int Length, string Secret)
{
    public bool Overlaps(SecretMatch other) => Index < other.Index + other.Length && other.Index < Index + Length;
}

internal static class SecretMatchExtensions
{
    private const string SecretGroup = "secret";

    public static IEnumerable<SecretMatch> Matches(this SecretRule rule, string content)
    {
        for (var match = rule.Pattern.Match(content); match.Success; match = match.NextMatch())
        {
            var secret = match.Groups[SecretGroup];
            if (secret.Success)
            {
                yield return new SecretMatch(rule, secret.Index, secret.Length, secret.Value);
            }
        }
    }
}
