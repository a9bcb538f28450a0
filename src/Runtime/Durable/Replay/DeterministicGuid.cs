using System.Security.Cryptography;
using System.Text;

namespace Serverless.Runtime.Durable.Replay;

/// <summary>Name-based UUIDv5 (RFC 4122 §4.3) in the namespace Durable Functions uses for NewGuid.</summary>
internal static class DeterministicGuid
{
    private static readonly byte[] NamespaceBytes = Guid.Parse("9e952958-5e33-4daf-827f-2fa12937b875").ToByteArray(bigEndian: true);

    public static Guid Create(string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var buffer = new byte[NamespaceBytes.Length + nameBytes.Length];
        NamespaceBytes.CopyTo(buffer, 0);
        nameBytes.CopyTo(buffer, NamespaceBytes.Length);
        var hash = SHA1.HashData(buffer);
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
