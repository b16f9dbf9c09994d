namespace BackSiteGen.Serve;

/// <summary>Where <c>serve</c> listens. Loopback unless the writer asks otherwise: a preview server is not for the network.</summary>
/// <param name="Port">0 picks a free port (tests); the command line defaults to 4000.</param>
public sealed record ServeOptions(string Host = "127.0.0.1", int Port = 4000);
