// The namespaces most files of this project use, named once here rather than at the top of each file.
global using BirdInfra.Engine;
global using BirdInfra.Operations;
global using BirdInfra.Providers.Kinds;
global using BirdInfra.Rendering;
global using BirdInfra.Stacks.Model;
global using BirdInfra.State;
global using System.Collections.Immutable;
