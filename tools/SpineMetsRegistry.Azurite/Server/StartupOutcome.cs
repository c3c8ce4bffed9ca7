namespace SpineMetsRegistry.Azurite.Server;

/// <summary>How waiting for a freshly launched Azurite ended.</summary>
internal enum StartupOutcome
{
    /// <summary>All three services reported the port they listen on.</summary>
    Ready,

    /// <summary>Azurite exited because one of its ports was taken (EADDRINUSE).</summary>
    PortInUse,

    /// <summary>Azurite exited for any other reason.</summary>
    Exited,

    /// <summary>Azurite was still not ready when the startup timeout passed.</summary>
    TimedOut,
}
