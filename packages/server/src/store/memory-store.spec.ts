import { describeOwnershipStore } from '../../test/store-contract'
import { createMemoryStore } from './memory-store'

describeOwnershipStore('memory', () => createMemoryStore())
