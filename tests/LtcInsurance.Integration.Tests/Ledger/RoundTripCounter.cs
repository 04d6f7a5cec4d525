using System.Net;
using System.Net.Sockets;

namespace LtcInsurance.Integration.Tests.Ledger;

/// <summary>
/// A loopback TCP proxy in front of the test cluster that counts round trips: a round trip is a burst of bytes the
/// client sends after the server has answered (Npgsql writes a batch, with any BEGIN or pool reset it prepends, in one
/// flush, then waits). So it counts what latency costs, whatever statements a burst holds.
/// </summary>
public sealed class RoundTripCounter : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> pumps = [];
    private readonly int target;
    private int count;

    private RoundTripCounter(int target)
    {
        this.target = target;
        listener.Start();
        pumps.Add(AcceptAsync());
    }

    public static RoundTripCounter Start(int targetPort) => new(targetPort);

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public int RoundTrips => Volatile.Read(ref count);

    public void Reset() => Interlocked.Exchange(ref count, 0);

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }

            var server = new TcpClient();
            await server.ConnectAsync(IPAddress.Loopback, target);
            var connection = new Connection();
            lock (pumps)
            {
                pumps.Add(PumpAsync(client.GetStream(), server.GetStream(), connection, fromClient: true, client, server));
                pumps.Add(PumpAsync(server.GetStream(), client.GetStream(), connection, fromClient: false, client, server));
            }
        }
    }

    private sealed class Connection
    {
        public volatile bool ServerAnswered = true;
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, Connection connection, bool fromClient,
        TcpClient client, TcpClient server)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, stop.Token);
                if (read == 0)
                    break;
                if (fromClient)
                {
                    if (connection.ServerAnswered)
                    {
                        connection.ServerAnswered = false;
                        Interlocked.Increment(ref count);
                    }
                }
                else
                {
                    connection.ServerAnswered = true;
                }

                await to.WriteAsync(buffer.AsMemory(0, read), stop.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
        finally
        {
            client.Dispose();
            server.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        Task[] running;
        lock (pumps)
            running = [.. pumps];
        await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(10));
        stop.Dispose();
    }
}
