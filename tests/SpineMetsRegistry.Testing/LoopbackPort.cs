using System.Net;
using System.Net.Sockets;

namespace SpineMetsRegistry.Testing;

/// <summary>
/// A loopback TCP port that is free now, for a test server that must be told its port before
/// it binds (the Durable Task in-process test host). Left to itself that host picks a random
/// port between 30,000 and 40,000 without checking it, which overlaps the range Linux gives
/// outgoing connections: with Azurite and its clients busy beside it, a test failed with
/// "address already in use". Asking the operating system for a free port leaves only the
/// short window between this call and the server's bind.
/// </summary>
public static class LoopbackPort
{
    /// <summary>A port on 127.0.0.1 that nothing listens on at the time of the call.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
