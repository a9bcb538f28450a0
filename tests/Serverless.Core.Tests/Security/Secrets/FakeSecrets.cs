namespace Serverless.Core.Tests.Security.Secrets;

/// <summary>
/// Secret-shaped values built at run time, so that no literal in this repository looks like a live credential
/// (push protection and our own nightly scan would rightly flag one).
/// </summary>
internal static class FakeSecrets
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Base64 = Alnum + "+/";

    public static string AwsAccessKeyId(int seed = 1) => "AK" + "IA" + Random(Upper, 16, seed);

    public static string AwsTemporaryKeyId(int seed = 1) => "AS" + "IA" + Random(Upper, 16, seed);

    public static string AwsSecretKey(int seed = 1) => Random(Base64, 40, seed);

    public static string GitHubToken(string prefix = "ghp", int seed = 1) => prefix + "_" + Random(Alnum, 36, seed);

    public static string GitHubFineGrainedToken(int seed = 1) => "github" + "_pat_" + Random(Alnum, 22, seed) + "_" + Random(Alnum, 59, seed + 1);

    public static string PrivateKey(string kind = "RSA ", int seed = 1, string newline = "\n")
    {
        var body = string.Join(newline, Enumerable.Range(0, 6).Select(line => Random(Base64, 64, seed + line)));
        return "-----BEGIN " + kind + "PRIVATE" + " KEY-----" + newline + body + newline + "-----END " + kind + "PRIVATE" + " KEY-----";
    }

    public static string SlackWebhook(int seed = 1) =>
        "https://hooks.slack" + ".com/services/T" + Random(Upper, 9, seed) + "/B" + Random(Upper, 9, seed + 1) + "/" + Random(Alnum, 24, seed + 2);

    public static string SlackToken(char kind = 'b', int seed = 1) =>
        "xo" + "x" + kind + "-" + Random("0123456789", 12, seed) + "-" + Random("0123456789", 13, seed + 1) + "-" + Random(Alnum, 24, seed + 2);

    public static string GoogleApiKey(int seed = 1) => "AI" + "za" + Random(Alnum + "_-", 35, seed);

    public static string StripeLiveKey(int seed = 1) => "sk_" + "live_" + Random(Alnum, 24, seed);

    public static string HighEntropy(int length = 24, int seed = 1) => Random(Alnum + "!@%^&*", length, seed);

    public static string Random(string alphabet, int length, int seed)
    {
        var random = new Random(seed);
        return new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }
}
