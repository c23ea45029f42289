using System.Data.Common;
using AdviesRoute.Host.Tests.Support;
using AdviesRoute.Tests.Shared.Postgres;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace AdviesRoute.Host.Tests.Postgres;

/// <summary>The real host in memory with <c>Workflows:Provider=PostgreSql</c> on a fresh database of a real PostgreSQL server.</summary>
public sealed class PostgresHostFixture : HostFixture
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresServer? _server;

    public string ConnectionString { get; private set; } = "";

    /// <summary>One server for the whole test run (it is stopped when the test process ends).</summary>
    public static async Task<PostgresServer> ServerAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_server is null)
            {
                _server = await PostgresServer.StartAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            return _server;
        }
        finally
        {
            Gate.Release();
        }
    }

    protected override async Task BeforeStartAsync() => ConnectionString = await (await ServerAsync()).CreateDatabaseAsync();

    public override DbConnection NewDatabaseConnection() => new NpgsqlConnection(ConnectionString);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Workflows:Provider", "PostgreSql");
        builder.UseSetting("ConnectionStrings:AdviesRoute", ConnectionString);
    }
}
