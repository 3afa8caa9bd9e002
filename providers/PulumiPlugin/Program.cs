using BirdInfra.PulumiPlugin.Serving;

var listener = PortAnnouncement.ListenAndAnnounce(Console.Out);
return await PluginHost.RunAsync(args, listener);
