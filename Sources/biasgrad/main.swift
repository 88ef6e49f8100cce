import BiasGradKit

// Placeholder entry point until the command line lands.
print("biasgrad")
