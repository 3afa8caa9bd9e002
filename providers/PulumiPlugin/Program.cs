using BirdInfra.PulumiPlugin.Hosting;

var listener = PortAnnouncement.ListenAndAnnounce(Console.Out);
return await PluginHost.RunAsync(args, listener);
