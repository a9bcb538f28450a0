using System.Net;
using System.Net.Sockets;

namespace Serverless.Testing.Local;

public static class FreePort
{
    /// <summary>A port on 127.0.0.1 the OS just handed out and released.</summary>
    public static int Next()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
