using System.Text;

namespace Serverless.Core.Security.Secrets;

internal static class TextFileReader
{
    private const int BinaryProbeBytes = 8 * 1024;

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>The file's text, or null with the reason it is not worth scanning.</summary>
    public static string? Read(FileInfo file, long maxBytes, out SkipReason reason)
    {
        reason = default;
        try
        {
            if (file.Length > maxBytes)
            {
                reason = SkipReason.TooLarge;
                return null;
            }
            var bytes = File.ReadAllBytes(file.FullName);
            if (bytes.Length > maxBytes)
            {
                reason = SkipReason.TooLarge;
                return null;
            }
            if (bytes.AsSpan(0, Math.Min(bytes.Length, BinaryProbeBytes)).Contains((byte)0))
            {
                reason = SkipReason.Binary;
                return null;
            }
            var body = bytes.AsSpan();
            if (body.StartsWith(Utf8ByteOrderMark))
            {
                body = body[Utf8ByteOrderMark.Length..];
            }
            return Utf8.GetString(body);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            reason = SkipReason.Unreadable;
            return null;
        }
    }
}
