using System.Net;
using System.Net.Sockets;

namespace Serverless.Testing.Local;

/// <summary>
/// Ports for servers a test starts later (hosts, environment routers). They come from below Linux's
/// ephemeral range (32768–60999), so neither the OS's own picks for outgoing connections nor the
/// local target's version ports can take them meanwhile, and a port is never handed out twice in a
/// process — binding to port 0 and releasing can return the same port on two consecutive calls.
/// </summary>
public static class FreePort
{
    private const int First = 20_000;
    private const int Last = 32_000;
    private static readonly HashSet<int> Issued = [];

    public static int Next()
    {
        lock (Issued)
        {
            for (var attempt = 0; attempt < 1_000; attempt++)
            {
                var port = Random.Shared.Next(First, Last);
                if (!Issued.Contains(port) && CanListenOn(port))
                {
                    Issued.Add(port);
                    return port;
                }
            }
            throw new InvalidOperationException($"No free port between {First} and {Last} after 1,000 tries.");
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
