namespace Serverless.Runtime.Storage;

/// <summary>Lock tokens are "{workerId}:{unique}", so a restarted worker can find and release its own locks.</summary>
internal static class LockTokens
{
    public static string New(string workerId) => $"{workerId}:{Guid.NewGuid():N}";

    public static string OwnPrefix(string workerId) => workerId + ":";
}
