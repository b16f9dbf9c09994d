using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/BackSiteGen.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(BackSiteGen.Benchmarks.StageBenchmarks).Assembly).Run(args);
