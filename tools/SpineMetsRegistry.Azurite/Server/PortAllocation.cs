using System.Net;
using System.Net.Sockets;

namespace SpineMetsRegistry.Azurite.Server;

/// <summary>Supplies ports for Azurite to listen on. A seam so tests can provoke a port race.</summary>
internal interface IPortAllocator
{
    /// <summary>Returns <paramref name="count"/> distinct ports believed free on loopback.</summary>
    IReadOnlyList<int> Allocate(int count);
}

/// <summary>
/// Asks the operating system for free loopback ports by binding port 0. The ports are released
/// again before Azurite binds them, so another process can take one in between; the server
/// detects that (Azurite exits with EADDRINUSE) and retries with fresh ports.
/// </summary>
internal sealed class OperatingSystemPortAllocator : IPortAllocator
{
    public IReadOnlyList<int> Allocate(int count)
    {
        // Holding all listeners until every port is read keeps the ports distinct.
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var index = 0; index < count; index++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listeners.Add(listener);
                listener.Start();
            }

            return [.. listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Dispose();
            }
        }
    }
}

internal static class LoopbackPort
{
    /// <summary>Whether <paramref name="port"/> can be bound on loopback right now.</summary>
    public static bool IsFree(int port)
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

    /// <summary>Whether something accepts TCP connections on loopback <paramref name="port"/>.</summary>
    public static async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, attempt.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
