using System.Net;
using System.Net.Sockets;

namespace Serverless.Core.Integrations.Local.Target;

/// <summary>
/// Ports for deployed versions. They come from <see cref="First"/>–<see cref="Last"/>, below the ephemeral range of
/// Linux (32768+), Windows and macOS (49152+): the OS never hands those out for an outgoing connection or a bind to
/// port 0, so nothing else in this or any process can take a version's port between this check and the service
/// binding it — only a program that asks for that very port.
/// </summary>
internal static class FreePorts
{
    public const int First = 10000;
    public const int Last = 19999;
    private const int Attempts = 500;
    private const int Remembered = 256;

    private static readonly Queue<int> Recent = new();
    private static readonly HashSet<int> RecentSet = [];

    /// <summary>A port on 127.0.0.1 that is free now and was not handed out recently by this process.</summary>
    public static int Next()
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var port = Random.Shared.Next(First, Last + 1);
            if (IsFree(port) && Remember(port)) return port;
        }
        throw new IOException($"No free port for a deployed version in {First}–{Last} after {Attempts} tries.");
    }

    /// <summary>Takes <paramref name="port"/> again (a restored version's) if it is still free; false when it is not.</summary>
    public static bool TryReuse(int port) => IsFree(port) && Remember(port);

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    // Two deploys starting together must not both be given a port neither has bound yet.
    private static bool Remember(int port)
    {
        lock (Recent)
        {
            if (!RecentSet.Add(port)) return false;
            Recent.Enqueue(port);
            if (Recent.Count > Remembered) RecentSet.Remove(Recent.Dequeue());
            return true;
        }
    }
}
