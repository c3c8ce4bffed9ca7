using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SpineMetsRegistry.LocalHost.Mail;

/// <summary>
/// A running smtp4dev bound to 127.0.0.1 on free ports: SMTP for the registry's reminder
/// mails, and a web page (<see cref="WebAddress"/>) where the mails can be read. Its messages
/// are kept in a database under the state folder, so they outlive a restart. Disposing stops it.
/// </summary>
public sealed class Smtp4devServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;

    private Smtp4devServer(Process process, int smtpPort, Uri webAddress)
    {
        _process = process;
        SmtpPort = smtpPort;
        WebAddress = webAddress;
    }

    /// <summary>The loopback host it listens on.</summary>
    public const string Host = "127.0.0.1";

    /// <summary>The SMTP port.</summary>
    public int SmtpPort { get; }

    /// <summary>The web page listing received mails (its REST API is under <c>api/</c>).</summary>
    public Uri WebAddress { get; }

    /// <summary>Installs smtp4dev if needed, starts it and waits until its SMTP port and web page answer.</summary>
    public static async Task<Smtp4devServer> StartAsync(string dataDirectory, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var executable = await Smtp4devInstallation.EnsureInstalledAsync(progress, cancellationToken);
        Directory.CreateDirectory(dataDirectory);
        var smtpPort = FreePort();
        var webPort = FreePort();
        var webAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://{Host}:{webPort}/"));
        var start = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = dataDirectory,
        };
        foreach (var argument in new[]
        {
            "--urls=" + webAddress.AbsoluteUri.TrimEnd('/'),
            string.Create(CultureInfo.InvariantCulture, $"--smtpport={smtpPort}"),
            "--imapport=0",
            "--pop3port=0",
            "--bindaddress=" + Host,
            "--disableipv6",
            "--hostname=localhost",
            "--nousersettings",
            "--baseappdatapath=" + dataDirectory,
            "--db=" + Path.Combine(dataDirectory, "messages.db"),
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start smtp4dev.");
        var tail = new Queue<string>();
        void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (tail)
            {
                tail.Enqueue(line);
                if (tail.Count > 30)
                {
                    tail.Dequeue();
                }
            }
        }

        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();

        var server = new Smtp4devServer(process, smtpPort, webAddress);
        try
        {
            await server.WaitUntilReadyAsync(cancellationToken);
            return server;
        }
        catch (Exception exception) when (exception is TimeoutException or InvalidOperationException)
        {
            await server.DisposeAsync();
            string recent;
            lock (tail)
            {
                recent = string.Join(Environment.NewLine, tail);
            }

            throw new InvalidOperationException($"smtp4dev did not start: {exception.Message} (or run the registry with --no-mail){Environment.NewLine}{recent}", exception);
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"it exited with code {_process.ExitCode}"));
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, SmtpPort, cancellationToken);
                using var response = await http.GetAsync(new Uri(WebAddress, "api/messages"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is SocketException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"its SMTP port and web page did not answer within {StartTimeout.TotalSeconds:0} s"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(grace.Token);
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or not gone in time: nothing more to do.
        }
        finally
        {
            _process.Dispose();
        }
    }
}
