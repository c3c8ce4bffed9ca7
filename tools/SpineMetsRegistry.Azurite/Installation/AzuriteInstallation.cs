namespace SpineMetsRegistry.Azurite.Installation;

/// <summary>A verified Azurite install, ready for <see cref="Server.AzuriteServer"/> to run.</summary>
/// <param name="Directory">The <c>node_modules</c> folder <c>npm ci</c> filled (holds <c>azurite</c>).</param>
/// <param name="Version">The installed Azurite version, read from its package.json.</param>
/// <param name="EntryScript">Azurite's combined blob/queue/table entry point.</param>
/// <param name="ParentWatchScript">The script that ends Azurite when its parent goes away.</param>
/// <param name="NodePath">The node executable to run it with.</param>
/// <param name="FreshlyInstalled">True when this call ran <c>npm ci</c>; false when the install existed.</param>
public sealed record AzuriteInstallation(
    string Directory,
    string Version,
    string EntryScript,
    string ParentWatchScript,
    string NodePath,
    bool FreshlyInstalled);
