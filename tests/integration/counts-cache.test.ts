// The cached counts on the embedded default, the in-process memory cache.
import { countsCacheSuite } from "../support/counts-cache-suite";

countsCacheSuite();
