using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace AdviesRoute.Host.Jobs;

/// <summary>
/// Hangfire's log provider is process-wide (static), but each host has its own logger factory. In production
/// one process runs one host; where several hosts start and stop in one process (the host tests), a logger
/// asked for, or used, after its host's factory was disposed would fail the Hangfire work that asked. This
/// provider answers with a silent logger then, instead of an exception.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return new Guarded(_inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    /// <summary>
    /// A logger handed out while this host's factory was Hangfire's current one may be kept by Hangfire components
    /// of another host in the process; once this host is gone it goes quiet instead of failing their work.
    /// </summary>
    private sealed class Guarded(ILog inner) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner.Log(logLevel, messageFunc!, exception);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
