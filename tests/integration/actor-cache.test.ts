// The actor cache in this process's memory (the embedded default): see tests/support/actor-cache-suite.ts.
import { actorCacheSuite } from "../support/actor-cache-suite";

actorCacheSuite();
