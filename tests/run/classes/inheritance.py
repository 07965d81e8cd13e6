class Animal:
    def __init__(self, name):
        self.name = name

    def speak(self):
        return self.name + " makes a sound"

    def describe(self):
        return "I am " + self.name + ": " + self.speak()

class Dog(Animal):
    def speak(self):
        return self.name + " barks"

class Puppy(Dog):
    def __init__(self, name):
        super().__init__(name + " Jr.")

print(Animal("cat").describe())
print(Dog("rex").describe())
print(Puppy("rex").describe())
print(isinstance(Puppy("x"), Animal), issubclass(Puppy, Dog), issubclass(Dog, Puppy))
