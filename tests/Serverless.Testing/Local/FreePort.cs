using System.Net;
using System.Net.Sockets;

namespace Serverless.Testing.Local;

/// <summary>
/// Ports for servers a test starts later (hosts, environment routers). They come from below Linux's ephemeral range
/// (32768–60999), so neither the OS's own picks for outgoing connections nor the local target's version ports can
/// take them meanwhile. A port is handed out once: within a process by a set, and across the test processes that run
/// side by side by a lock file held open (an exclusive lock the OS drops when the process ends).
/// </summary>
public static class FreePort
{
    private const int First = 20_000;
    private const int Last = 32_000;
    private static readonly string LockFolder = Path.Combine(Path.GetTempPath(), $"serverless-test-ports-{Environment.UserName}");
    private static readonly Dictionary<int, FileStream> Held = [];

    public static int Next()
    {
        lock (Held)
        {
            Directory.CreateDirectory(LockFolder);
            for (var attempt = 0; attempt < 1_000; attempt++)
            {
                var port = Random.Shared.Next(First, Last);
                if (Held.ContainsKey(port) || !CanListenOn(port) || TryReserve(port) is not { } reservation) continue;
                Held.Add(port, reservation);
                return port;
            }
            throw new InvalidOperationException($"No free port between {First} and {Last} after 1,000 tries.");
        }
    }

    private static FileStream? TryReserve(int port)
    {
        try
        {
            return new FileStream(Path.Combine(LockFolder, $"{port}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;  // another test process holds it
        }
    }

    private static bool CanListenOn(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
