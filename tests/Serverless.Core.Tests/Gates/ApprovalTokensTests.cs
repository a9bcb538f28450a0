using System.Text;
using Serverless.Core.Gates;

namespace Serverless.Core.Tests.Gates;

public sealed class ApprovalTokensTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly ApprovalTokens Tokens = new(Encoding.UTF8.GetBytes("a-test-key-of-enough-length"));
    private static readonly ApprovalLink Link = new("alice", "run-1", "production", ApprovalChoice.Approve, Now.AddHours(1));

    [Fact]
    public void A_fresh_token_verifies_and_carries_its_link()
    {
        var check = Tokens.Verify(Tokens.Create(Link), "run-1", "production", Now);

        Assert.Equal(new ApprovalTokenCheck(ApprovalTokenStatus.Valid, Link), check);
    }

    public static TheoryData<string, Func<string, string>, string, string, int, ApprovalTokenStatus> Cases => new()
    {
        { "expired", token => token, "run-1", "production", 60, ApprovalTokenStatus.Expired },
        { "other run", token => token, "run-2", "production", 0, ApprovalTokenStatus.Invalid },
        { "other environment", token => token, "run-1", "staging", 0, ApprovalTokenStatus.Invalid },
        { "payload changed", token => Forge(token, "\"Approve\"", "\"Reject\""), "run-1", "production", 0, ApprovalTokenStatus.Invalid },
        { "approver changed", token => Forge(token, "alice", "mallo"), "run-1", "production", 0, ApprovalTokenStatus.Invalid },
        { "mac truncated", token => token[..^4], "run-1", "production", 0, ApprovalTokenStatus.Invalid },
        { "not base64", token => "!!!." + token.Split('.')[1], "run-1", "production", 0, ApprovalTokenStatus.Invalid },
        { "no dot", token => token.Replace(".", "", StringComparison.Ordinal), "run-1", "production", 0, ApprovalTokenStatus.Invalid },
        { "empty", _ => "", "run-1", "production", 0, ApprovalTokenStatus.Invalid },
        { "signed with another key", _ => new ApprovalTokens(Encoding.UTF8.GetBytes("another-key-of-enough-length")).Create(Link), "run-1", "production", 0, ApprovalTokenStatus.Invalid },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Refuses_forged_mismatched_and_expired_tokens(string name, Func<string, string> tamper, string runId, string environment, int minutesLater, ApprovalTokenStatus status)
    {
        var check = Tokens.Verify(tamper(Tokens.Create(Link)), runId, environment, Now.AddMinutes(minutesLater));

        Assert.True(check.Status == status && (status == ApprovalTokenStatus.Valid) == (check.Link is not null), $"{name}: {check}");
    }

    [Fact]
    public void Generates_a_key_into_the_data_folder_once_and_prefers_the_setting()
    {
        var folder = Path.Combine(Path.GetTempPath(), "approval-keys-" + Guid.NewGuid().ToString("N"));
        try
        {
            var token = ApprovalTokens.FromSettings(null, folder).Create(Link);

            Assert.True(File.Exists(Path.Combine(folder, ApprovalTokens.KeyFileName)));
            Assert.Equal(ApprovalTokenStatus.Valid, ApprovalTokens.FromSettings("", folder).Verify(token, "run-1", "production", Now).Status);
            Assert.Equal(ApprovalTokenStatus.Invalid, ApprovalTokens.FromSettings("a-configured-signing-key", folder).Verify(token, "run-1", "production", Now).Status);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Forge(string token, string from, string to)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[0])).Replace(from, to, StringComparison.Ordinal);
        return System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload)) + "." + parts[1];
    }
}
