using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace BirdInfra.PulumiPlugin.Serving;

/// <summary>
/// The first thing the plugin does: listen on a free loopback port and print it, the engine's cue that the plugin is
/// up. It touches no ASP.NET type, so the port goes out before those assemblies load; Kestrel takes the socket over.
/// </summary>
public static class PortAnnouncement
{
    public static Socket ListenAndAnnounce(TextWriter stdout)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(512);
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;

        // The engine reads stdout up to the first '\n'; Write, not WriteLine, so Windows gets no '\r'.
        stdout.Write(port.ToString(CultureInfo.InvariantCulture) + "\n");
        stdout.Flush();
        return listener;
    }
}
