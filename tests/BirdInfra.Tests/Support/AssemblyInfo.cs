[assembly: TestCollectionOrderer("BirdInfra.Tests.Support.SlowFirstCollectionOrderer", "BirdInfra.Tests")]
